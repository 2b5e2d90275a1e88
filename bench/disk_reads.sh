# Sourced by the bench scripts. disk_reads prints the read requests the machine's disks have
# completed so far (/proc/diskstats field 4, whole disks only: loop, ram and zram devices are left
# out). A timed run on page-cached data should add none; some VMs reclaim idle page cache on their
# own (DAMON "pageout"), so the benches re-warm before every timed run and report the reads that
# still happened during it.
disk_reads() {
  local total=0 name
  for name in /sys/block/*; do
    name=${name##*/}
    [[ $name == loop* || $name == ram* || $name == zram* ]] && continue
    total=$((total + $(awk -v d="$name" '$3 == d { print $4 }' /proc/diskstats 2>/dev/null || echo 0)))
  done
  echo "$total"
}
