using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qunyun.Features.Outbox;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// The moment each moderation outbox row commits, seen from outside the app: EF Core's DiagnosticListener reports every
/// committed transaction with its context, and the context still tracks the outbox rows the batch added
/// (<c>mod:{eventId}:…</c> keys). Records the first commit per event id, as a <see cref="Stopwatch"/> timestamp.
/// </summary>
internal sealed class OutboxCommits : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly List<IDisposable> _subscriptions = [];

    public OutboxCommits() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public ConcurrentDictionary<long, long> CommittedAt { get; } = new();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, (name, _, _) => name == RelationalEventId.TransactionCommitted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not TransactionEndEventData { Context: { } context })
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var detect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false; // reading what is tracked must not cost a scan of it
        try
        {
            foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>())
            {
                if (entry.Entity.IdempotencyKey.Split(':') is ["mod", var id, ..] && long.TryParse(id, CultureInfo.InvariantCulture, out var eventId))
                {
                    CommittedAt.TryAdd(eventId, now);
                }
            }
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
