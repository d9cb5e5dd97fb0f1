import ArgumentParser
@main struct Kaohe: ParsableCommand {}
