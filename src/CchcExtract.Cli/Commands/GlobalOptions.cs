using System.CommandLine;

namespace CchcExtract.Cli.Commands;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    /// <summary><c>--db PATH</c>: the SQLite store, default <c>./cchc.db</c>.</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "SQLite database file",
        DefaultValueFactory = _ => "cchc.db",
        Recursive = true,
    };
}
