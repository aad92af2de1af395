using CchcExtract.Model;
using CchcExtract.Reading;
using CchcExtract.Repair;

namespace CchcExtract.Pipeline;

/// <summary>
/// The frozen processing pipeline: read → (repair) → segment → extract.
/// Build one with <see cref="PlanPipelineBuilder"/> and reuse it; it holds no per-document state
/// and is safe to call from several threads.
/// </summary>
public sealed class PlanPipeline
{
    internal PlanPipeline(DocumentReaders readers, ILineRepairer? repairer)
    {
        Readers = readers;
        Repairer = repairer;
    }

    /// <summary>Readers by extension.</summary>
    public DocumentReaders Readers { get; }

    /// <summary>Repair stage, or null when repair is off.</summary>
    public ILineRepairer? Repairer { get; }

    /// <summary>A pipeline with the default readers and no repair.</summary>
    public static PlanPipeline Default { get; } = new PlanPipelineBuilder().Build();

    /// <summary>Reads and processes one file.</summary>
    public PlanDocument Process(string path) => Process(Readers.Read(path));

    /// <summary>Processes an already-read text document.</summary>
    public PlanDocument Process(TextDocument text)
    {
        if (Repairer is not null) text = RepairStage.Apply(text, Repairer);
        return Extraction.PlanExtractor.Extract(Segmentation.Segmenter.Segment(text));
    }
}

/// <summary>Collects the stages of a <see cref="PlanPipeline"/>.</summary>
public sealed class PlanPipelineBuilder
{
    private DocumentReaders _readers = DocumentReaders.Default();
    private ILineRepairer? _repairer;

    /// <summary>Uses these readers instead of the defaults.</summary>
    public PlanPipelineBuilder WithReaders(DocumentReaders readers) { _readers = readers; return this; }

    /// <summary>Repairs lines that need it (OCR damage, stripped diacritics) before segmentation.</summary>
    public PlanPipelineBuilder WithRepair(ILineRepairer repairer) { _repairer = repairer; return this; }

    /// <summary>Freezes the pipeline.</summary>
    public PlanPipeline Build() => new(_readers, _repairer);
}
