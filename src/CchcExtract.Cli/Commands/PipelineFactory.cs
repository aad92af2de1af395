using CchcExtract.Pipeline;
using CchcExtract.Repair;

namespace CchcExtract.Cli.Commands;

/// <summary>Builds the pipeline the CLI uses: the readers available on this machine, and the repair
/// stage when its model is found (a missing model leaves repair off with a warning).</summary>
internal static class PipelineFactory
{
    public static PlanPipeline Create(bool repair = true)
    {
        var builder = new PlanPipelineBuilder();
        if (!repair) return builder.Build();
        try
        {
            builder.WithRepair(RepairModel.LoadDefault());
        }
        catch (Exception e) when (e is FileNotFoundException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"warning: repair model not loaded ({e.Message}); OCR-damaged text is imported unrepaired");
        }
        return builder.Build();
    }
}
