import CZlib
import Foundation

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
  /// damaged or ends early (a truncated file), and as soon as it inflates past `limit` bytes (a
  /// small file may inflate to gigabytes). The output grows by `realloc`, untouched until
  /// written, so a wrong hint or a stream stopped at the limit costs no more than it produced.
  static func decompress(
    _ input: UnsafeRawBufferPointer, format: Format, sizeHint: Int = 0, limit: Int
  ) throws -> [UInt8] {
    var stream = z_stream()
    guard kw_inflate_init2(&stream, format.windowBits) == Z_OK else {
      throw Failure(description: "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    guard let inputBase = input.baseAddress else {
      throw Failure(description: "the compressed data is empty")
    }
    stream.next_in = UnsafeMutablePointer(
      mutating: inputBase.assumingMemoryBound(to: Bytef.self))
    stream.avail_in = uInt(input.count)
    // One byte past the limit, to tell a stream that ends at the limit from one that goes on.
    var capacity = min(max(sizeHint, input.count * 4, 1024), limit + 1)
    guard var output = malloc(capacity) else { throw Failure(description: "out of memory") }
    defer { free(output) }
    var produced = 0
    while true {
      if produced == capacity {
        capacity = min(capacity * 2, limit + 1)
        guard let grown = realloc(output, capacity) else {
          throw Failure(description: "out of memory")
        }
        output = grown
      }
      stream.next_out = output.assumingMemoryBound(to: Bytef.self) + produced
      stream.avail_out = uInt(capacity - produced)
      let status = inflate(&stream, Z_NO_FLUSH)
      produced = capacity - Int(stream.avail_out)
      guard produced <= limit else {
        throw Failure(
          description: "decompresses to more than \(megabytes(limit)), the most accepted")
      }
      switch status {
      case Z_STREAM_END:
        return [UInt8](UnsafeRawBufferPointer(start: output, count: produced))
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

  /// A size in whole MB (MiB), for messages.
  static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
