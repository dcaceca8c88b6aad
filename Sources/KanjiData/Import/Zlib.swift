import CZlib

/// Decompression through zlib: raw deflate for zip entries, gzip for `.gz` files.
enum Inflate {
  enum Format {
    /// A zip entry's deflate stream without header (windowBits -15).
    case raw
    /// A gzip file (windowBits 16 + 15).
    case gzip

    var windowBits: Int32 { self == .raw ? -15 : 16 + 15 }
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Inflates `input`; `sizeHint` sizes the first output buffer. Throws when the stream is
  /// damaged or ends early (a truncated file).
  static func decompress(_ input: UnsafeRawBufferPointer, format: Format, sizeHint: Int = 0)
    throws -> [UInt8]
  {
    var stream = z_stream()
    guard kw_inflate_init2(&stream, format.windowBits) == Z_OK else {
      throw Failure(description: "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: max(sizeHint, input.count * 4, 1024))
    guard let inputBase = input.baseAddress else {
      throw Failure(description: "the compressed data is empty")
    }
    stream.next_in = UnsafeMutablePointer(
      mutating: inputBase.assumingMemoryBound(to: Bytef.self))
    stream.avail_in = uInt(input.count)
    var produced = 0
    while true {
      if produced == output.count {
        output.append(contentsOf: repeatElement(0, count: output.count))
      }
      let status = output.withUnsafeMutableBytes { buffer -> Int32 in
        let base = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.next_out = base + produced
        stream.avail_out = uInt(buffer.count - produced)
        let status = inflate(&stream, Z_NO_FLUSH)
        produced = buffer.count - Int(stream.avail_out)
        return status
      }
      switch status {
      case Z_STREAM_END:
        output.removeSubrange(produced...)
        return output
      case Z_OK:
        continue
      case Z_BUF_ERROR where stream.avail_in == 0:
        throw Failure(description: "the compressed data ends early (truncated file)")
      case Z_BUF_ERROR:
        continue
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
        throw Failure(description: "the compressed data is damaged (\(message))")
      }
    }
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer {
      UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count)))
    }
  }
}
