using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>Where a channel's initial sync stands, for the console; <see cref="ErrorCode"/> (WeCom's errcode) when it stopped on an error.</summary>
public sealed record WeComSyncProgress(
    bool Running, int Groups, int GroupsDone, int Members, DateTime StartedAt, DateTime? FinishedAt, int? ErrorCode = null, string? ErrorMessage = null);

/// <summary>
/// Reads customer groups from WeCom: the initial sync pages through <c>groupchat/list</c> (cursor) and reads each group
/// with <c>groupchat/get</c>, handing its members to the pipeline as joins with stable ids (a second sync stores
/// nothing twice); a callback that names a changed group has it read again for its name and its join codes' states.
/// One job at a time, in the background, so the callback receiver never waits for the API.
/// </summary>
public sealed class WeComSync(
    WeComClient client, ConnectorInbound inbound, ChannelStateStore states, WeComChannels channels, TimeProvider clock, ILogger<WeComSync> logger)
    : BackgroundService
{
    public const string CustomerGroup = "customer_group";
    public const string Dismissed = "dismissed";
    private const int PageSize = 100;

    private readonly System.Threading.Channels.Channel<Job> _jobs = System.Threading.Channels.Channel.CreateUnbounded<Job>();
    private readonly ConcurrentDictionary<Guid, WeComSyncProgress> _progress = new();

    private sealed record Job(Guid WorkspaceId, Guid ChannelId, IReadOnlyList<string>? Chats, bool Joins);

    public WeComSyncProgress? ProgressOf(Guid channelId) => _progress.GetValueOrDefault(channelId);

    /// <summary>Queues the initial sync; false while one runs for the channel.</summary>
    public bool Start(Guid workspaceId, Guid channelId)
    {
        lock (_progress)
        {
            if (_progress.TryGetValue(channelId, out var current) && current.Running)
            {
                return false;
            }

            _progress[channelId] = new WeComSyncProgress(true, 0, 0, 0, clock.GetUtcNow().UtcDateTime, null);
        }

        return _jobs.Writer.TryWrite(new Job(workspaceId, channelId, null, true));
    }

    /// <param name="joins">A new group: its members join too (otherwise their joins came with the callback).</param>
    public void Refresh(Guid workspaceId, Guid channelId, IReadOnlyList<string> chats, bool joins)
    {
        if (chats.Count > 0)
        {
            _jobs.Writer.TryWrite(new Job(workspaceId, channelId, chats, joins));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(job, stoppingToken);
            }
            catch (WeComException e)
            {
                // The error is on record before the console hears the sync ended.
                await states.RecordErrorAsync(job.WorkspaceId, job.ChannelId, e.Message, e.CredentialsRefused, stoppingToken);
                Finish(job, e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "WeCom sync of channel {Channel} failed", job.ChannelId);
                Finish(job, new WeComException(-1, e.Message));
            }
        }
    }

    private async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        if (await channels.CredentialsAsync(job.WorkspaceId, job.ChannelId, cancellationToken) is not { } credentials)
        {
            Finish(job, new WeComException(40001, "the channel has no valid credentials"));
            return;
        }

        if (job.Chats is { } chats)
        {
            foreach (var chat in chats)
            {
                await ReadGroupAsync(job, credentials, chat, job.Joins, cancellationToken);
            }

            return;
        }

        var cursor = "";
        do
        {
            var page = await client.PostAsync(credentials, "externalcontact/groupchat/list",
                new { status_filter = 0, limit = PageSize, cursor = cursor.Length == 0 ? null : cursor }, cancellationToken);
            var ids = (page["group_chat_list"] as JsonArray ?? []).Select(g => g?["chat_id"]?.ToString()).OfType<string>().ToList();
            Update(job.ChannelId, p => p with { Groups = p.Groups + ids.Count });
            foreach (var chat in ids)
            {
                var members = await ReadGroupAsync(job, credentials, chat, joins: true, cancellationToken);
                Update(job.ChannelId, p => p with { GroupsDone = p.GroupsDone + 1, Members = p.Members + members });
            }

            cursor = page["next_cursor"]?.ToString() ?? "";
        }
        while (cursor.Length > 0);

        await states.RecordContactAsync(job.WorkspaceId, job.ChannelId, cancellationToken);
        Finish(job, null);
    }

    /// <summary>Reads one group: its name for the console, its members as joins (the initial sync) and their join codes' states.</summary>
    private async Task<int> ReadGroupAsync(Job job, WeComCredentials credentials, string chat, bool joins, CancellationToken cancellationToken)
    {
        var answer = await client.PostAsync(credentials, "externalcontact/groupchat/get", new { chat_id = chat, need_name = 1 }, cancellationToken);
        var group = answer["group_chat"] as JsonObject ?? [];
        var name = group["name"]?.ToString() is { Length: > 0 } n ? n : chat;
        await states.RememberChatsAsync(job.WorkspaceId, job.ChannelId, [new SeenChat(chat, name, CustomerGroup, true)], cancellationToken);

        var events = new List<IngestEvent>();
        foreach (var member in (group["member_list"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (member["userid"]?.ToString() is not { Length: > 0 and <= IngestValidation.MaxIdLength } user)
            {
                continue;
            }

            var joined = member["join_time"] is JsonValue t && t.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow();
            var display = member["group_nickname"]?.ToString() is { Length: > 0 } nick ? nick : member["name"]?.ToString();
            var joinEvent = new IngestEvent("member_joined", job.ChannelId, Cap($"{chat}:sync:{user}"), chat, Cap(name, 200), user, display is null ? null : Cap(display, 200), joined);
            if (joins)
            {
                events.Add(joinEvent);
            }

            if (member["state"]?.ToString() is { Length: > 0 } state)
            {
                events.Add(joinEvent with
                {
                    Kind = "invite_accepted",
                    ExternalEventId = Cap($"{chat}:state:{user}:{joined.ToUnixTimeSeconds()}"),
                    Invite = new InviteBody(member["invitor"]?["userid"]?.ToString(), Cap(state, 30)),
                });
            }
        }

        foreach (var batch in events.Chunk(IngestEvents.MaxBatch))
        {
            await inbound.AcceptAsync(job.WorkspaceId, batch, cancellationToken);
        }

        return events.Count(e => e.Kind == "member_joined");
    }

    private void Update(Guid channelId, Func<WeComSyncProgress, WeComSyncProgress> change) =>
        _progress.AddOrUpdate(channelId, _ => change(new WeComSyncProgress(true, 0, 0, 0, clock.GetUtcNow().UtcDateTime, null)), (_, p) => change(p));

    private void Finish(Job job, WeComException? problem)
    {
        if (job.Chats is null)
        {
            Update(job.ChannelId, p => p with { Running = false, FinishedAt = clock.GetUtcNow().UtcDateTime, ErrorCode = problem?.Code, ErrorMessage = problem?.PlatformMessage });
        }
    }

    private static string Cap(string value, int max = IngestValidation.MaxIdLength) => value.Length > max ? value[..max] : value;
}
