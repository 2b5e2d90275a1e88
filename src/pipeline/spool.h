// Spool: keeps a streamed member's bytes so a container reader can seek in them. Memory up to a
// limit, then an unnamed temporary file in the case's scratch folder (O_TMPFILE: it has no name
// and vanishes when closed; never created inside evidence, never named after a member).
#pragma once
#include <span>
#include <string>
#include <vector>

#include "source/byte_source.h"

namespace ngb::pipeline {

class Spool : public source::RandomAccess {
 public:
  Spool(std::string scratch_dir, uint64_t memory_limit);
  ~Spool() override;
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  Status Append(std::span<const uint8_t> data);
  uint64_t size() const override { return size_; }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override;

 private:
  std::string scratch_dir_;
  uint64_t memory_limit_;
  std::vector<uint8_t> mem_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

}  // namespace ngb::pipeline
