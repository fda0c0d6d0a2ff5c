// A SQLite VFS that memory-maps a whole database file. SQLite maps at most SQLITE_MAX_MMAP_SIZE of a file
// (2 GiB in Debian's build); past that, every page it reads is copied by the kernel into its page cache,
// 64 KiB for a row of a few KiB. A million-posting store is near 6 GB, and the index build reads its rows
// in title order: the copies cost about 10 s of CPU there. This VFS wraps the default one and answers
// SQLite's page fetches for the main database file from a read-only mapping of the whole file; everything
// else (reads of the WAL, writes, locks) goes to the default VFS unchanged.
#pragma once

namespace jobscope::store::internal {

// The VFS's name for sqlite3_open_v2, registered on first use (not as the default VFS).
const char* WholeFileMapVfs();

}  // namespace jobscope::store::internal
