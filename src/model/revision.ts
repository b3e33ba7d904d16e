// A revision of a work as histories show it: number, time, who and why, and whether it deleted the work.

export interface RevisionInfo {
  /** 1, 2, 3… per work. */
  n: number;
  at: string;
  author?: string;
  message?: string;
  deleted: boolean;
  checksum?: string;
}
