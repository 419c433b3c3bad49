namespace Qunyun.Data;

/// <summary>
/// One counter per workspace, raised by every pipeline batch and by every other write to an
/// <see cref="IPipelineStateRow"/> table (<see cref="PipelineVersionInterceptor"/>). A batch that finds the counter one
/// above the value it left knows nobody else wrote: its warm state is still the truth.
/// </summary>
public sealed class PipelineVersion
{
    public Guid WorkspaceId { get; set; }
    public long Version { get; set; }
}
