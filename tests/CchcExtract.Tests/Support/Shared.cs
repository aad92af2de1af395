namespace CchcExtract.Tests.Support;

/// <summary>
/// Locates <c>../shared</c> (the seed plans and training corpus, kept outside the repository)
/// and the repository's own <c>corpus/</c>.
/// </summary>
public static class Shared
{
    /// <summary>The repository root (folder holding CchcExtract.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary><c>../shared</c> beside the checkout, or null when absent (a fresh clone).</summary>
    public static string? Dir { get; } = FindShared();

    /// <summary>Why shared-dependent tests are skipped, or null when they can run.</summary>
    public static string? SkipReason => Dir is null
        ? "needs ../shared (seed plans and corpora) beside the checkout; absent here, so skipped"
        : null;

    /// <summary>Path of a seed plan by its number prefix ("000", "001"…).</summary>
    public static string Seed(string prefix) =>
        Directory.GetFiles(Path.Combine(Dir ?? throw new InvalidOperationException(SkipReason), "seeds"), prefix + "_*.txt").Single();

    /// <summary>Path inside the repository's corpus folder.</summary>
    public static string Corpus(params string[] parts) => Path.Combine([RepoRoot, "corpus", .. parts]);

    private static string FindRepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "CchcExtract.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("CchcExtract.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("CCHC_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(p, "seeds")) ? p : null;
    }
}

/// <summary>A fact that needs <c>../shared</c>; skipped with a clear message when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute() { if (Shared.SkipReason is { } r) Skip = r; }
}

/// <summary>A theory that needs <c>../shared</c>; skipped with a clear message when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute() { if (Shared.SkipReason is { } r) Skip = r; }
}
