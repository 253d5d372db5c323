# The QEMU guest the observations of issue 3 were made on: Linux 6.1, virtio disk, ext4
ram = 2G                       # a small test guest (the observations do not depend on RAM size)
dma32 = 0                      # all of a 2 GiB x86_64 guest sits in one zone
cma = 16M                      # a small CMA pool so the CMA heap can be exercised
readahead = 128K               # read_ahead_kb default
swap = 0                       # no swap in the guest
logical_block_size = 512B      # "ext4 on a virtio disk with 512-byte logical blocks"
max_request = 512K             # virtio-blk default max_sectors_kb
queue_depth = 64               # virtio-blk queue
read_bandwidth = 1G/s          # host-backed virtio disk, order of magnitude
write_bandwidth = 800M/s       # host-backed virtio disk, order of magnitude
request_latency = 150us        # virtio round trip through the host
filesystem = ext4              # "ext4 on a virtio disk"
fs_block_size = 4K             # ext4 block size
noise = 0                      # counter scenarios need no timing noise
