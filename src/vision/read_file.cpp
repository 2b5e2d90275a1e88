#include "vision/read_file.h"

#include "source/evidence_file.h"

namespace ngb::vision {

Status ReadWholeFile(const std::string& path, uint64_t max_bytes, std::vector<uint8_t>& out) {
  out.clear();
  Result<source::EvidenceFile> f = source::EvidenceFile::Open(path);
  if (!f.ok()) return f.status();
  if (f->size() > max_bytes) {
    return Status::Error("image_too_large", "file over " + std::to_string(max_bytes >> 20) + " MiB");
  }
  out.resize(f->size());
  size_t done = 0;
  while (done < out.size()) {
    Result<size_t> n = f->ReadAt(done, out.data() + done, out.size() - done);
    if (!n.ok()) return n.status();
    if (*n == 0) break;  // shrank while read: classify what is there
    done += *n;
  }
  out.resize(done);
  return Status::Ok();
}

}  // namespace ngb::vision
