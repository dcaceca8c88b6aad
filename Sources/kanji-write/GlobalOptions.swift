import ArgumentParser

/// Options every subcommand that touches data accepts.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "The reference database (default: $KANJI_WRITE_DATA, then Data/kanji.sqlite, then the installed copy)."
  )
  var data: String?

  @Option(
    name: .long,
    help:
      "The folder of your progress database (default: $KANJI_WRITE_HOME, then $XDG_DATA_HOME/kanji-write)."
  )
  var home: String?
}
