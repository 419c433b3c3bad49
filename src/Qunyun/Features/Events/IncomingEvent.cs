namespace Qunyun.Features.Events;

/// <summary>An event on its way through a batch, with its payload already read (once, at ingest or from the row).</summary>
internal readonly record struct IncomingEvent(Event Row, EventPayload Payload);
