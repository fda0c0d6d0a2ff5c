// The whole-file mapping VFS (internal/whole_file_map_vfs.h). SQLite's pager asks the VFS for a page with
// xFetch and falls back to xRead when it gets no pointer; it calls xUnfetch(0, nullptr) as a read
// transaction begins, when no fetched page is held, so a file that grew or shrank is mapped again at its new
// size. This VFS keeps that contract, and only lifts the size limit.
#include "store/internal/whole_file_map_vfs.h"

#include <map>
#include <mutex>
#include <utility>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace jobscope::store::internal {
namespace {

// One read-only descriptor per database file, shared by the connections that map it. It is closed only
// when the last of them closes: closing any descriptor of a file drops every POSIX lock this process holds
// on it, and SQLite's locking rests on those locks (all of jobscope's connections open through this VFS).
class Descriptors {
 public:
  static Descriptors& Get() {
    static Descriptors* descriptors = new Descriptors();  // never destroyed: files close as connections do
    return *descriptors;
  }
  int Acquire(const char* path) {
    struct stat info;
    if (::stat(path, &info) != 0) return -1;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = open_.find({info.st_dev, info.st_ino});
    if (it == open_.end()) {
      int fd = ::open(path, O_RDONLY | O_CLOEXEC);
      if (fd < 0) return -1;
      it = open_.emplace(std::make_pair(info.st_dev, info.st_ino), Entry{fd, 0}).first;
    }
    ++it->second.users;
    return it->second.fd;
  }
  void Release(int fd) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = open_.begin(); it != open_.end(); ++it) {
      if (it->second.fd != fd) continue;
      if (--it->second.users == 0) {
        ::close(fd);
        open_.erase(it);
      }
      return;
    }
  }

 private:
  struct Entry {
    int fd;
    int users;
  };
  std::mutex mutex_;
  std::map<std::pair<dev_t, ino_t>, Entry> open_;
};

struct MappedFile {
  sqlite3_file base;   // pMethods: this VFS's methods
  sqlite3_file* real;  // the default VFS's file, allocated right after this struct
  int fd = -1;         // the main database file only; -1 for journals and WAL files
  const char* map = nullptr;
  sqlite3_int64 mapped = 0;
  int fetched = 0;  // pages handed out and not yet released
};

sqlite3_vfs* Real(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
MappedFile* Of(sqlite3_file* file) { return reinterpret_cast<MappedFile*>(file); }
sqlite3_file* RealOf(sqlite3_file* file) { return Of(file)->real; }
const sqlite3_io_methods& RealMethods(sqlite3_file* file) { return *RealOf(file)->pMethods; }

void Unmap(MappedFile& file) {
  if (file.map) ::munmap(const_cast<char*>(file.map), static_cast<size_t>(file.mapped));
  file.map = nullptr;
  file.mapped = 0;
}

int Close(sqlite3_file* file) {
  MappedFile& mapped = *Of(file);
  int rc = RealMethods(file).xClose(mapped.real);
  Unmap(mapped);
  if (mapped.fd >= 0) Descriptors::Get().Release(mapped.fd);
  mapped.fd = -1;
  return rc;
}
int Read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  return RealMethods(file).xRead(RealOf(file), out, amount, offset);
}
int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  return RealMethods(file).xWrite(RealOf(file), data, amount, offset);
}
int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  MappedFile& mapped = *Of(file);
  if (mapped.mapped > size) mapped.mapped = size;  // never hand out a page past the new end
  return RealMethods(file).xTruncate(mapped.real, size);
}
int Sync(sqlite3_file* file, int flags) { return RealMethods(file).xSync(RealOf(file), flags); }
int FileSize(sqlite3_file* file, sqlite3_int64* size) { return RealMethods(file).xFileSize(RealOf(file), size); }
int Lock(sqlite3_file* file, int level) { return RealMethods(file).xLock(RealOf(file), level); }
int Unlock(sqlite3_file* file, int level) { return RealMethods(file).xUnlock(RealOf(file), level); }
int CheckReservedLock(sqlite3_file* file, int* out) { return RealMethods(file).xCheckReservedLock(RealOf(file), out); }
int FileControl(sqlite3_file* file, int op, void* arg) { return RealMethods(file).xFileControl(RealOf(file), op, arg); }
int SectorSize(sqlite3_file* file) { return RealMethods(file).xSectorSize(RealOf(file)); }
int DeviceCharacteristics(sqlite3_file* file) { return RealMethods(file).xDeviceCharacteristics(RealOf(file)); }
int ShmMap(sqlite3_file* file, int page, int page_size, int extend, void volatile** out) {
  return RealMethods(file).xShmMap(RealOf(file), page, page_size, extend, out);
}
int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
  return RealMethods(file).xShmLock(RealOf(file), offset, n, flags);
}
void ShmBarrier(sqlite3_file* file) { RealMethods(file).xShmBarrier(RealOf(file)); }
int ShmUnmap(sqlite3_file* file, int delete_flag) { return RealMethods(file).xShmUnmap(RealOf(file), delete_flag); }

int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  MappedFile& mapped = *Of(file);
  *out = nullptr;
  if (mapped.fd < 0) return RealMethods(file).xFetch(mapped.real, offset, amount, out);
  if (!mapped.map) {
    sqlite3_int64 size = 0;
    if (RealMethods(file).xFileSize(mapped.real, &size) != SQLITE_OK || size <= 0) return SQLITE_OK;
    void* map = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_SHARED, mapped.fd, 0);
    if (map == MAP_FAILED) return SQLITE_OK;  // SQLite reads the page instead
    mapped.map = static_cast<const char*>(map);
    mapped.mapped = size;
  }
  if (offset + amount <= mapped.mapped) {  // a page past the mapped end (the file grew) is read instead
    *out = const_cast<char*>(mapped.map + offset);
    ++mapped.fetched;
  }
  return SQLITE_OK;
}

int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  MappedFile& mapped = *Of(file);
  if (mapped.fd < 0) return RealMethods(file).xUnfetch(mapped.real, offset, page);
  if (page) {
    --mapped.fetched;
  } else if (mapped.fetched == 0) {
    Unmap(mapped);  // mapped again, at the file's current size, on the next fetch
  }
  return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {3,
                                     Close,
                                     Read,
                                     Write,
                                     Truncate,
                                     Sync,
                                     FileSize,
                                     Lock,
                                     Unlock,
                                     CheckReservedLock,
                                     FileControl,
                                     SectorSize,
                                     DeviceCharacteristics,
                                     ShmMap,
                                     ShmLock,
                                     ShmBarrier,
                                     ShmUnmap,
                                     Fetch,
                                     Unfetch};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  MappedFile& mapped = *Of(file);
  mapped.real = reinterpret_cast<sqlite3_file*>(&mapped + 1);
  mapped.fd = -1;
  mapped.map = nullptr;
  mapped.mapped = 0;
  mapped.fetched = 0;
  mapped.real->pMethods = nullptr;
  int rc = Real(vfs)->xOpen(Real(vfs), name, mapped.real, flags, out_flags);
  // SQLite closes a file whose pMethods is set even when opening failed.
  mapped.base.pMethods = mapped.real->pMethods ? &kMethods : nullptr;
  if (rc != SQLITE_OK || !mapped.real->pMethods) return rc;
  if ((flags & SQLITE_OPEN_MAIN_DB) && name && mapped.real->pMethods->iVersion >= 3) {
    mapped.fd = Descriptors::Get().Acquire(name);  // -1: pages are read, as without this VFS
  }
  return rc;
}

int Delete(sqlite3_vfs* vfs, const char* name, int sync_dir) { return Real(vfs)->xDelete(Real(vfs), name, sync_dir); }
int Access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return Real(vfs)->xAccess(Real(vfs), name, flags, out);
}
int FullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return Real(vfs)->xFullPathname(Real(vfs), name, size, out);
}
void* DlOpen(sqlite3_vfs* vfs, const char* name) { return Real(vfs)->xDlOpen(Real(vfs), name); }
void DlError(sqlite3_vfs* vfs, int size, char* out) { Real(vfs)->xDlError(Real(vfs), size, out); }
void (*DlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return Real(vfs)->xDlSym(Real(vfs), handle, symbol);
}
void DlClose(sqlite3_vfs* vfs, void* handle) { Real(vfs)->xDlClose(Real(vfs), handle); }
int Randomness(sqlite3_vfs* vfs, int size, char* out) { return Real(vfs)->xRandomness(Real(vfs), size, out); }
int Sleep(sqlite3_vfs* vfs, int microseconds) { return Real(vfs)->xSleep(Real(vfs), microseconds); }
int CurrentTime(sqlite3_vfs* vfs, double* out) { return Real(vfs)->xCurrentTime(Real(vfs), out); }
int GetLastError(sqlite3_vfs* vfs, int size, char* out) { return Real(vfs)->xGetLastError(Real(vfs), size, out); }
int CurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out) { return Real(vfs)->xCurrentTimeInt64(Real(vfs), out); }

}  // namespace

const char* WholeFileMapVfs() {
  static const char* name = [] {
    static sqlite3_vfs vfs{};
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(MappedFile)) + real->szOsFile;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = "jobscope-whole-file-map";
    vfs.pAppData = real;
    vfs.xOpen = Open;
    vfs.xDelete = Delete;
    vfs.xAccess = Access;
    vfs.xFullPathname = FullPathname;
    vfs.xDlOpen = DlOpen;
    vfs.xDlError = DlError;
    vfs.xDlSym = DlSym;
    vfs.xDlClose = DlClose;
    vfs.xRandomness = Randomness;
    vfs.xSleep = Sleep;
    vfs.xCurrentTime = CurrentTime;
    vfs.xGetLastError = GetLastError;
    vfs.xCurrentTimeInt64 = CurrentTimeInt64;
    sqlite3_vfs_register(&vfs, /*makeDflt=*/0);
    return vfs.zName;
  }();
  return name;
}

}  // namespace jobscope::store::internal
