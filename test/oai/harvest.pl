#!/usr/bin/perl
# An independent OAI-PMH client for Octavo's tests: harvests a repository with HTTP::OAI::Harvester
# (Debian libhttp-oai-perl), following resumption tokens, and prints what it received.
#
#   perl harvest.pl BASE_URL [METADATA_PREFIX] [FROM] [SET]
#
# Output, one line each:  identify <repositoryName> <granularity> <deletedRecord>
#                         record <identifier> <datestamp> <present|deleted> <dc:title or ->
#                         records <count>        deleted <count>
# Exits non-zero on any protocol or HTTP error (noRecordsMatch included: it prints "records 0").
use strict;
use warnings;
use HTTP::OAI;
use HTTP::OAI::Metadata::OAI_DC;

binmode STDOUT, ':encoding(UTF-8)';
my ($base, $prefix, $from, $set) = @ARGV;
die "usage: harvest.pl BASE_URL [METADATA_PREFIX] [FROM] [SET]\n" unless $base;
$prefix ||= 'oai_dc';

my $h = HTTP::OAI::Harvester->new(baseURL => $base);
my $id = $h->Identify;
die 'Identify failed: ' . $id->code . ' ' . $id->message . "\n" if $id->is_error;
$h->repository($id);
printf "identify %s\t%s\t%s\n", $id->repositoryName, $id->granularity, $id->deletedRecord;

my %args = (metadataPrefix => $prefix);
$args{from} = $from if defined $from && $from ne '';
$args{set} = $set if defined $set && $set ne '';
$args{handlers} = { metadata => 'HTTP::OAI::Metadata::OAI_DC' } if $prefix eq 'oai_dc';

my ($records, $deleted) = (0, 0);
# HTTP::OAI 4 follows resumption tokens itself; records of every page reach onRecord (without it,
# the response returned holds only the last page).
$args{onRecord} = sub {
    my ($rec) = @_;
    $records++;
    my $status = ($rec->status // '') eq 'deleted' ? 'deleted' : 'present';
    $deleted++ if $status eq 'deleted';
    my $title = '-';
    if ($status eq 'present' && $prefix eq 'oai_dc' && $rec->metadata) {
        my $t = $rec->metadata->dc->{title};
        $title = $t && @$t ? $t->[0] : '(no title)';
    }
    printf "record %s\t%s\t%s\t%s\n", $rec->identifier, $rec->datestamp, $status, $title;
};
my $r = $h->ListRecords(%args);
if ($r->is_error || $r->errors) {
    my @codes = map { $_->code } $r->errors;
    if ($records == 0 && @codes == 1 && $codes[0] eq 'noRecordsMatch') { print "records 0\ndeleted 0\n"; exit 0 }
    die 'harvest failed: ' . $r->code . ' ' . $r->message . ' ' . join(',', @codes) . "\n";
}
print "records $records\ndeleted $deleted\n";
