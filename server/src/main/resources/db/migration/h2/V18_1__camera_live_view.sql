-- Issue 13: where the command centre watches a camera live: a GB/T 28181 device id or a URL; empty by default.
alter table camera add column live_view varchar(500);
