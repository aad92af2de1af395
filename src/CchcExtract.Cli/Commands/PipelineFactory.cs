using CchcExtract.Pipeline;

namespace CchcExtract.Cli.Commands;

/// <summary>Builds the pipeline the CLI uses (readers available on this machine, repair when its model is present).</summary>
internal static class PipelineFactory
{
    public static PlanPipeline Create() => new PlanPipelineBuilder().Build();
}
