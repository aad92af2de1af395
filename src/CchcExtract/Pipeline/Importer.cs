using System.Collections.Concurrent;
using CchcExtract.Model;
using CchcExtract.Reading;
using CchcExtract.Storage;

namespace CchcExtract.Pipeline;

/// <summary>What happened to one file during an import.</summary>
public enum FileStatus
{
    /// <summary>New document stored.</summary>
    Imported,
    /// <summary>The file changed since the last import; its old records were replaced.</summary>
    Replaced,
    /// <summary>Same content as already stored; nothing changed.</summary>
    Unchanged,
    /// <summary>Not a supported file type (only when found while walking a folder).</summary>
    Skipped,
    /// <summary>Could not be read or processed; nothing of it was stored.</summary>
    Failed,
}

/// <summary>The outcome for one file.</summary>
/// <param name="Path">The file.</param>
/// <param name="Status">What happened.</param>
/// <param name="Reason">Why it failed or was skipped; null otherwise.</param>
/// <param name="Tasks">Task records stored for it.</param>
/// <param name="Pages">Pages read (paged formats; 0 for plain text).</param>
public sealed record FileResult(string Path, FileStatus Status, string? Reason = null, int Tasks = 0, int Pages = 0);

/// <summary>
/// Imports files and folders into a <see cref="PlanStore"/>: reads and extracts in parallel,
/// writes one document per transaction, so a failure or an interruption never loses what was
/// already imported, and a re-run skips unchanged files by content hash.
/// </summary>
public sealed class Importer(PlanPipeline pipeline, PlanStore store)
{
    /// <summary>Worker count for reading and extraction (the store has one writer).</summary>
    public int Jobs { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Imports of at least this many documents end by merging the full-text index (<see cref="PlanStore.Optimize"/>).</summary>
    public int OptimizeAfter { get; init; } = 50;

    /// <summary>Expands paths: files as given, folders recursively (files of supported types; others reported as skipped).</summary>
    public IEnumerable<(string Path, bool Explicit)> Expand(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return (f, false);
            }
            else yield return (p, true);
        }
    }

    /// <summary>Imports every file; <paramref name="progress"/> gets each file's result as it finishes.</summary>
    public IReadOnlyList<FileResult> Import(IEnumerable<string> paths, IProgress<FileResult>? progress = null, CancellationToken cancel = default)
    {
        var files = Expand(paths).ToList();
        var results = new ConcurrentQueue<FileResult>();
        var ready = new BlockingCollection<(string Path, PlanDocument? Doc, FileResult? Result)>(boundedCapacity: Math.Max(4, Jobs * 2));

        var producer = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Jobs, CancellationToken = cancel }, f =>
                {
                    if (!f.Explicit && !pipeline.Readers.Supports(f.Path))
                    {
                        ready.Add((f.Path, null, new FileResult(f.Path, FileStatus.Skipped, $"unsupported file type '{Path.GetExtension(f.Path)}'")), cancel);
                        return;
                    }
                    try
                    {
                        var text = pipeline.Readers.Read(f.Path);
                        bool unchanged;
                        lock (store) unchanged = store.IsUnchanged(text.FileName, text.ContentHash); // one connection: serialise access
                        if (unchanged)
                        {
                            ready.Add((f.Path, null, new FileResult(f.Path, FileStatus.Unchanged)), cancel);
                            return;
                        }
                        var doc = pipeline.Process(text);
                        PlanValidation.EnsurePlan(doc);
                        ready.Add((f.Path, doc, null), cancel);
                    }
                    catch (DocumentReadException e)
                    {
                        ready.Add((f.Path, null, new FileResult(f.Path, FileStatus.Failed, e.Problem)), cancel);
                    }
                    catch (OperationCanceledException) { throw; }
                    catch (Exception e)
                    {
                        ready.Add((f.Path, null, new FileResult(f.Path, FileStatus.Failed, $"processing failed: {e.GetType().Name}: {e.Message}")), cancel);
                    }
                });
            }
            catch (OperationCanceledException) { }
            finally { ready.CompleteAdding(); }
        }, CancellationToken.None);

        foreach (var item in ready.GetConsumingEnumerable(CancellationToken.None))
        {
            FileResult r;
            if (item.Result is not null) r = item.Result;
            else if (cancel.IsCancellationRequested) continue; // stop writing; what is stored stays consistent
            else
            {
                try
                {
                    ImportOutcome outcome;
                    lock (store) outcome = store.Import(item.Doc!);
                    r = new FileResult(item.Path, outcome switch
                    {
                        ImportOutcome.Replaced => FileStatus.Replaced,
                        ImportOutcome.Unchanged => FileStatus.Unchanged,
                        _ => FileStatus.Imported,
                    }, null, outcome == ImportOutcome.Unchanged ? 0 : item.Doc!.Tasks.Count,
                        item.Doc!.Source.Lines.Select(l => l.Page ?? 0).DefaultIfEmpty(0).Max());
                }
                catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
                {
                    r = new FileResult(item.Path, FileStatus.Failed, e is StoreException ? e.Message : $"not stored, earlier imports kept: {e.Message}");
                }
            }
            results.Enqueue(r);
            progress?.Report(r);
        }
        producer.Wait(CancellationToken.None);
        // A large batch leaves the full-text index in many segments; merging them keeps queries fast.
        if (results.Count(r => r.Status is FileStatus.Imported or FileStatus.Replaced) >= OptimizeAfter && !cancel.IsCancellationRequested)
            lock (store) store.Optimize();
        return results.ToList();
    }
}

/// <summary>Checks that a processed document is a plan at all.</summary>
public static class PlanValidation
{
    /// <summary>Throws <see cref="DocumentReadException"/> when the text has no plan structure (no numbered sections and no tasks).</summary>
    public static void EnsurePlan(PlanDocument doc)
    {
        if (doc.Tasks.Count == 0 && doc.Sections.Count(s => s.Kind is MarkerKind.Roman or MarkerKind.Arabic) < 2)
            throw new DocumentReadException(doc.Source.Path, "not a plan: no numbered sections (I., 1.) and no tasks found");
    }
}
