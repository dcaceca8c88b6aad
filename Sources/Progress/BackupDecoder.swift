import Foundation

/// What is wrong with a backup, and where: a JSON path such as `reviewLog[3].time` or a record
/// such as `cards[12] (学)`; no location when it concerns the whole file.
public struct BackupProblem: Error, CustomStringConvertible, Equatable, Sendable {
  public var location: String
  public var message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}

extension ProgressBackup {
  public static let currentVersion = 1
  /// The largest backup file `import-progress` reads; the whole file is parsed in memory.
  public static let maximumFileSize = 512 << 20

  /// Decodes a backup file's bytes, throwing a `BackupProblem` that names the field at fault and
  /// what it holds.
  public static func decode(_ data: Data) throws -> ProgressBackup {
    guard !data.isEmpty else { throw BackupProblem("", "the file is empty") }
    let failure: DecodingError
    do {
      let backup = try decoder().decode(ProgressBackup.self, from: data)
      try checkHeader(backup)
      return backup
    } catch let error as DecodingError {
      failure = error
    }
    // JSONDecoder says where only some of the time (a number too large for its field comes back
    // as "not valid JSON", without a path), so a file it refuses is read again to say where and
    // why. Only a refused file: JSONSerialization's doubles may differ in the last digit.
    try explain(data)
    throw BackupProblem(
      TreeDecoder.path(failure.context.codingPath), failure.context.debugDescription)
  }

  /// Throws the first problem of a file JSONDecoder refused.
  static func explain(_ data: Data) throws {
    let tree: Any
    do {
      tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      throw BackupProblem("", "the file is not JSON" + (detail.map { " (\($0))" } ?? ""))
    }
    let root = TreeDecoder(value: tree, codingPath: [])
    guard let object = tree as? [String: Any] else {
      throw BackupProblem("", "expected a JSON object, found \(root.found)")
    }
    guard let format = object["format"] else {
      throw BackupProblem("format", "missing; this is not a kanji-write progress backup")
    }
    guard format as? String == formatName else {
      throw formatProblem(found: TreeDecoder(value: format, codingPath: []).found)
    }
    // A newer version is refused before its fields, which may have changed, are read.
    if let problem = versionProblem(try root.child("version", of: object).integer(Int.self)) {
      throw problem
    }
    _ = try ProgressBackup(from: root)
  }

  /// The format and version of a backup already decoded, as `explain` checks them in a file.
  static func checkHeader(_ backup: ProgressBackup) throws {
    guard backup.format == formatName else {
      throw formatProblem(found: "the string \(MessageText.quoted(backup.format))")
    }
    if let problem = versionProblem(backup.version) { throw problem }
  }

  static func formatProblem(found: String) -> BackupProblem {
    BackupProblem(
      "format",
      "expected \"\(formatName)\", found \(found); this is not a kanji-write progress backup")
  }

  static func versionProblem(_ version: Int) -> BackupProblem? {
    if version > currentVersion {
      return BackupProblem(
        "version",
        "\(version) is newer than this kanji-write reads (\(currentVersion)); update kanji-write")
    }
    if version < currentVersion {
      return BackupProblem("version", "\(version) is not a version of this format")
    }
    return nil
  }
}

extension DecodingError {
  var context: Context {
    switch self {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context), .dataCorrupted(let context):
      return context
    @unknown default:
      return Context(codingPath: [], debugDescription: "\(self)")
    }
  }
}

/// An array position in a coding path, shown as `[3]`.
struct IndexKey: CodingKey {
  let index: Int
  init(_ index: Int) { self.index = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.index = intValue }
  var stringValue: String { "Index \(index)" }
  var intValue: Int? { index }
}

/// Decodes from a JSONSerialization tree, throwing `BackupProblem`s that name the path and the
/// value found there. Dates are milliseconds since 1970, as `ProgressBackup.encoder` writes them.
struct TreeDecoder: Decoder {
  let value: Any
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard let object = value as? [String: Any] else { throw mismatch("an object") }
    return KeyedDecodingContainer(KeyedTree<Key>(decoder: self, object: object))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard let array = value as? [Any] else { throw mismatch("an array") }
    return UnkeyedTree(decoder: self, array: array)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleTree(decoder: self)
  }

  func child(_ key: any CodingKey, of object: [String: Any]) throws -> TreeDecoder {
    guard let value = object[key.stringValue] else {
      throw BackupProblem(Self.path(codingPath + [key]), "missing")
    }
    return TreeDecoder(value: value, codingPath: codingPath + [key])
  }

  func child(_ name: String, of object: [String: Any]) throws -> TreeDecoder {
    try child(NameKey(name), of: object)
  }

  // MARK: Values

  var isNull: Bool { value is NSNull }

  func string() throws -> String {
    guard let text = value as? String else { throw mismatch("a string") }
    return text
  }

  func bool() throws -> Bool {
    guard let number = value as? NSNumber, Self.isBoolean(number) else {
      throw mismatch("true or false")
    }
    return number.boolValue
  }

  func double() throws -> Double {
    guard let number = value as? NSNumber, !Self.isBoolean(number) else {
      throw mismatch("a number")
    }
    return number.doubleValue
  }

  func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard let number = value as? NSNumber, !Self.isBoolean(number) else {
      throw mismatch("a whole number")
    }
    let converted: T?
    switch Self.typeCode(number) {
    case UInt8(ascii: "Q"): converted = T(exactly: number.uint64Value)
    case UInt8(ascii: "d"), UInt8(ascii: "f"):
      let double = number.doubleValue
      guard double == double.rounded() else { throw mismatch("a whole number") }
      converted = T(exactly: double)
    default: converted = T(exactly: number.int64Value)
    }
    guard let converted else {
      throw problem("\(shown) is out of range for a whole number (\(T.min)...\(T.max))")
    }
    return converted
  }

  /// Times out of the store's range are left to `validated`, as JSONDecoder leaves them.
  func date() throws -> Date { Date(timeIntervalSince1970: try double() / 1000) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if type == Date.self, let date = try date() as? T { return date }
    do {
      return try T(from: self)
    } catch DecodingError.dataCorrupted(let context) {
      // A raw value that names no case, such as a state "flying" or a rating 0.
      if let cases = type as? any CaseIterable.Type {
        throw problem("\(shown) is not one of \(Self.caseList(cases))")
      }
      throw problem("\(shown) is not valid (\(context.debugDescription))")
    }
  }

  // MARK: Messages

  func problem(_ message: String) -> BackupProblem {
    BackupProblem(Self.path(codingPath), message)
  }

  func mismatch(_ expected: String) -> BackupProblem {
    problem("expected \(expected), found \(found)")
  }

  /// The value as "found ..." shows it.
  var found: String {
    switch value {
    case is NSNull: return "null"
    case let text as String: return "the string \(MessageText.quoted(text))"
    case let number as NSNumber:
      return Self.isBoolean(number) ? "\(number.boolValue)" : "the number \(shown)"
    case is [Any]: return "an array"
    default: return "an object"
    }
  }

  /// The value itself, for "... is out of range".
  var shown: String {
    switch value {
    case let text as String: return MessageText.quoted(text)
    case let number as NSNumber:
      if Self.isBoolean(number) { return "\(number.boolValue)" }
      if Self.typeCode(number) == UInt8(ascii: "Q") { return "\(number.uint64Value)" }
      return MessageText.number(number.doubleValue)
    default: return found
    }
  }

  /// JSON true and false come back as NSNumbers of type char, which no JSON number has.
  static func isBoolean(_ number: NSNumber) -> Bool { typeCode(number) == UInt8(ascii: "c") }

  /// The number's Objective-C type letter: q for integers, Q for those above Int64.max, d for
  /// the rest.
  static func typeCode(_ number: NSNumber) -> UInt8 {
    UInt8(truncatingIfNeeded: number.objCType.pointee)
  }

  static func caseList<C: CaseIterable>(_ type: C.Type) -> String {
    C.allCases.map { "\(($0 as? any RawRepresentable)?.rawValue ?? $0)" }.joined(separator: ", ")
  }

  /// `cards[3].card.memory.stability`; odd keys (a setting's name, say) quoted.
  static func path(_ keys: [any CodingKey]) -> String {
    keys.reduce(into: "") { text, key in
      // JSONDecoder's array positions are keys named "Index 3" too.
      if let index = key.intValue, key.stringValue == "Index \(index)" {
        text += "[\(index)]"
        return
      }
      let name = key.stringValue
      let plain =
        !name.isEmpty && name.count <= 40
        && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
      text += (text.isEmpty ? "" : ".") + (plain ? name : MessageText.quoted(name))
    }
  }
}

/// A key by name, for the fields read before the whole backup is decoded.
private struct NameKey: CodingKey {
  let stringValue: String
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
  var intValue: Int? { nil }
}

private struct KeyedTree<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: TreeDecoder
  let object: [String: Any]

  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }
  func child(_ key: Key) throws -> TreeDecoder { try decoder.child(key, of: object) }

  func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).double() }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    Float(try child(key).double())
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(type) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).integer(type) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).integer(type) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).integer(type) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(type) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).integer(type) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).integer(type) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try child(key).integer(type)
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try child(key).integer(type)
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try child(key).integer(type)
  }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try child(key).decode(type)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedTree: UnkeyedDecodingContainer {
  let decoder: TreeDecoder
  let array: [Any]
  var currentIndex = 0

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { array.count }
  var isAtEnd: Bool { currentIndex >= array.count }

  /// The next element's decoder; the position moves on whether or not decoding it succeeds,
  /// since any failure ends the whole decoding.
  mutating func next() throws -> TreeDecoder {
    let key = IndexKey(currentIndex)
    guard !isAtEnd else { throw BackupProblem(TreeDecoder.path(codingPath + [key]), "missing") }
    currentIndex += 1
    return TreeDecoder(value: array[key.index], codingPath: codingPath + [key])
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, array[currentIndex] is NSNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
  mutating func decode(_ type: String.Type) throws -> String { try next().string() }
  mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
  mutating func decode(_ type: Float.Type) throws -> Float { Float(try next().double()) }
  mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(type) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next().unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleTree: SingleValueDecodingContainer {
  let decoder: TreeDecoder

  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.isNull }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
  func decode(_ type: String.Type) throws -> String { try decoder.string() }
  func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
  func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
  func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}
