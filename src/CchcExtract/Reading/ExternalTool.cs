using System.Diagnostics;

namespace CchcExtract.Reading;

/// <summary>Runs an external program (LibreOffice, poppler, Tesseract) with a timeout and captured output.</summary>
public static class ExternalTool
{
    /// <summary>The result of a run.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>True when <paramref name="program"/> is found on PATH.</summary>
    public static bool Exists(string program)
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return paths.Any(p => p.Length > 0 && File.Exists(Path.Combine(p, program)));
    }

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="args"/>. Throws <see cref="DocumentReadException"/>
    /// for <paramref name="path"/> when the program is missing or exceeds <paramref name="timeout"/>.
    /// </summary>
    public static Result Run(string path, string program, IEnumerable<string> args, TimeSpan timeout, string? workingDir = null)
    {
        if (!Exists(program)) throw new DocumentReadException(path, $"needs '{program}' (run scripts/setup.sh)");
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDir ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["OMP_THREAD_LIMIT"] = "1"; // Tesseract: one thread per process, parallelism comes from workers
        using var proc = Process.Start(psi) ?? throw new DocumentReadException(path, $"could not start '{program}'");
        var stdout = proc.StandardOutput.ReadToEndAsync();
        var stderr = proc.StandardError.ReadToEndAsync();
        if (!proc.WaitForExit(timeout))
        {
            try { proc.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new DocumentReadException(path, $"'{program}' timed out after {timeout.TotalSeconds:0} s");
        }
        proc.WaitForExit();
        return new Result(proc.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        /// <summary>Its path.</summary>
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-" + Guid.NewGuid().ToString("N"))).FullName;

        /// <inheritdoc/>
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
