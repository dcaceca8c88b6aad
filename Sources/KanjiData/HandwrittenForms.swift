/// Pairs of code points that are one kanji for a learner writing by hand, so that writing either
/// form is writing the kanji.
///
/// - The Jōyō table (常用漢字表, 2010) prints 𠮟, 塡, 剝 and 頰 and accepts 叱, 填, 剥 and 頬 in
///   their place (許容字体).
/// - 喩 is printed with 兪 because it was outside the table until 2010; the Agency for Cultural
///   Affairs' guideline on its glyphs (常用漢字表の字体・字形に関する指針, 2016) says to write
///   it by hand with 俞, as in 輸 and 諭: that is 喻.
///
/// The importer stores each form's strokes as a `handwrittenVariant` of the other, so that the
/// grader accepts it; the recogniser and the look-alike bench take the two as one kanji.
public enum HandwrittenForms {
  /// (the form the Jōyō table prints, the form also accepted).
  public static let pairs: [(printed: String, accepted: String)] = [
    ("𠮟", "叱"), ("塡", "填"), ("剝", "剥"), ("頰", "頬"), ("喩", "喻"),
  ]

  /// The name of a variant holding the other form's strokes.
  public static let variantName = "Handwritten"

  /// The other form of `character`, when it has one.
  public static func otherForm(of character: String) -> String? {
    for pair in pairs {
      if pair.printed == character { return pair.accepted }
      if pair.accepted == character { return pair.printed }
    }
    return nil
  }

  /// Whether two characters are the same kanji written by hand: equal, or a pair's two forms.
  public static func same(_ a: String, _ b: String) -> Bool {
    a == b || otherForm(of: a) == b
  }
}
