using CchcExtract.Model;
using CchcExtract.Storage;

namespace CchcExtract.Tests.Storage;

/// <summary>Builds small plan documents in code, and temporary stores for them.</summary>
internal static class StoreTestData
{
    /// <summary>A task with a lead and optional support agencies.</summary>
    public static TaskRecord Task(string file, int line, string text, string? lead = null, string[]? support = null,
        Deadline? deadline = null, ReformArea area = ReformArea.Other, string number = "", string? objective = null, string? product = null) => new()
    {
        Number = number,
        Text = text,
        Objective = objective,
        Lead = lead is null ? null : new AgencyRef(lead, lead),
        Support = (support ?? []).Select(s => new AgencyRef(s, s, s.StartsWith("Các", StringComparison.Ordinal))).ToList(),
        Deadline = deadline ?? Deadline.None,
        Product = product,
        Area = area,
        SectionPath = "Phụ lục/I",
        Origin = TaskOrigin.AppendixRow,
        Source = new SourceRef(file, line),
    };

    /// <summary>A document whose lines are its task texts (line n = task n), with the given metadata.</summary>
    public static PlanDocument Doc(string file, string? commune, string hash, params TaskRecord[] tasks)
    {
        var lines = new List<SourceLine> { new(1, "KẾ HOẠCH", "KẾ HOẠCH") };
        lines.AddRange(tasks.Select(t => new SourceLine(t.Source.Line, t.Text, t.Text)));
        var meta = new DocumentMetadata
        {
            DocumentType = "Kế hoạch",
            Number = "15/KH-UBND",
            UnitLevel = UnitLevel.Commune,
            Commune = commune,
            Province = "Hải Phòng",
            IssuingUnit = commune is null ? null : "UBND xã " + commune,
            Period = new PlanPeriod("năm 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            Title = "Cải cách hành chính năm 2026",
            Signer = "Nguyễn Văn A",
            SignerTitle = "CHỦ TỊCH",
            LegalBases = [new LegalReference("Nghị quyết", "76/NQ-CP", new DateOnly(2021, 7, 15), "Chính phủ", "Nghị quyết số 76/NQ-CP ngày 15/7/2021")],
        };
        var sections = new List<Section> { new("I", "I", MarkerKind.Roman, 1, "MỤC ĐÍCH, YÊU CẦU", new SourceRef(file, 1)) };
        var paragraphs = new List<Paragraph> { new("I", "Nâng cao chất lượng phục vụ người dân.", new SourceRef(file, 1)) };
        return new PlanDocument(new TextDocument("/plans/" + file, "text", lines, hash), meta, sections, paragraphs, tasks);
    }

    /// <summary>A store in a fresh temporary file, deleted (with its WAL files) on dispose.</summary>
    public sealed class TempStore : IDisposable
    {
        public TempStore()
        {
            Dir = Directory.CreateTempSubdirectory("cchc-store-test-").FullName;
            Store = PlanStore.Open(System.IO.Path.Combine(Dir, "test.db"));
        }

        public string Dir { get; }
        public PlanStore Store { get; private set; }

        /// <summary>Closes and re-opens the file (proves data reached disk).</summary>
        public PlanStore Reopen()
        {
            var path = Store.Path;
            Store.Dispose();
            return Store = PlanStore.Open(path);
        }

        public void Dispose()
        {
            Store.Dispose();
            try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        }
    }
}
