import ArgumentParser

// Two groups rather than one, so that each command's help lists only the options it uses.

/// `--data`, for the commands that read the reference database.
struct DataOption: ParsableArguments {
  @Option(
    name: .customLong("data"),
    help:
      "The reference database (default: $KANJI_WRITE_DATA, then Data/kanji.sqlite, then the installed copy)."
  )
  var path: String?
}

/// `--home`, for the commands that read or record progress.
struct HomeOption: ParsableArguments {
  @Option(
    name: .customLong("home"),
    help:
      "The folder of your progress database (default: $KANJI_WRITE_HOME, then $XDG_DATA_HOME/kanji-write)."
  )
  var path: String?
}
