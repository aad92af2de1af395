namespace CchcExtract.Repair;

/// <summary>
/// The training/evaluation split of the shared data: every tenth law file (sorted by name, starting
/// with the first) is held out; clean seeds 000 and 001 train, 002 and 004 are held out for evaluation;
/// seed 003 (a real English-model OCR scan) is never trained on. Of our own plans, corpus/samples and
/// corpus/heldout train the LM (<c>cchc train --plans</c>); corpus/blind and corpus/blind2 never do.
/// </summary>
public static class RepairCorpus
{
    public static IReadOnlyList<string> HeldOutSeeds { get; } = ["002", "004"];

    private static List<string> Laws(string shared) =>
        Directory.GetFiles(Path.Combine(shared, "corpora", "vietnamese-laws"), "*.txt").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();

    public static List<string> TrainingLaws(string shared) => Laws(shared).Where((_, i) => i % 10 != 0).ToList();
    public static List<string> HeldOutLaws(string shared) => Laws(shared).Where((_, i) => i % 10 == 0).ToList();

    public static List<string> Seeds(string shared, IEnumerable<string> prefixes) =>
        prefixes.Select(p => Directory.GetFiles(Path.Combine(shared, "seeds"), p.Trim() + "_*.txt").Single()).ToList();
}
