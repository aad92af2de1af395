using CchcExtract.Model;

namespace CchcExtract.Reading;

/// <summary>
/// Reads one file into lines of text with provenance. Table rows come out as tab-separated
/// cells (empty cell = merged with the cell above or left blank), header rows repeated as they
/// appear; segmentation rebuilds the table from those lines whatever the input format was.
/// </summary>
public interface IDocumentReader
{
    /// <summary>Reads <paramref name="path"/>. Throws <see cref="DocumentReadException"/> naming the problem.</summary>
    TextDocument Read(string path);
}

/// <summary>A file that cannot be read as a plan; the message names the file and the problem.</summary>
public sealed class DocumentReadException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    /// <summary>The file that failed.</summary>
    public string Path { get; } = path;
    /// <summary>What is wrong with it, in one line.</summary>
    public string Problem { get; } = problem;
}
