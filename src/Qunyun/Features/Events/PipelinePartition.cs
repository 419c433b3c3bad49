namespace Qunyun.Features.Events;

/// <summary>
/// The unit of ordered processing: a group's events are processed in the order they happened; an event outside any
/// group (a private check-in, a purchase) orders with its member's. Today one writer per process takes whole workspace
/// batches, which keeps every partition's order; hosting one partition per grain later keys the queues by this.
/// </summary>
public static class PipelinePartition
{
    public static Guid Of(Event e) => e.GroupId ?? e.MemberId ?? Guid.Empty;
}
