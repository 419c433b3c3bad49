using System.Text.Json.Nodes;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>Where a channel's initial sync stands, for the console; <see cref="ErrorCode"/> (WeCom's errcode) when it stopped on an error.</summary>
public sealed record WeComSyncProgress(
    bool Running, int Groups, int GroupsDone, int Members, DateTime StartedAt, DateTime? FinishedAt, int? ErrorCode = null, string? ErrorMessage = null);

/// <summary>
/// Reads customer groups from WeCom: the initial sync pages through <c>groupchat/list</c> (cursor) and reads each group
/// with <c>groupchat/get</c>, handing its members to the pipeline as joins with stable ids (a second sync stores
/// nothing twice); a callback that names a changed group has it read again for its name (the Qunyun group takes it)
/// and its join codes' states. One job at a time, in the background, so the callback receiver never waits for the API;
/// the initial sync's progress is kept in <see cref="WeComSyncRuns"/>.
/// </summary>
public sealed class WeComSync(
    WeComClient client, ConnectorInbound inbound, ChannelStateStore states, WeComChannels channels, WeComSyncRuns runs, QunyunDbFactory factory,
    TimeProvider clock, ILogger<WeComSync> logger)
    : BackgroundService
{
    public const string CustomerGroup = "customer_group";
    public const string Dismissed = "dismissed";
    private const int PageSize = 100;

    private readonly System.Threading.Channels.Channel<Job> _jobs = System.Threading.Channels.Channel.CreateUnbounded<Job>();

    private sealed record Job(Guid WorkspaceId, Guid ChannelId, IReadOnlyList<string>? Chats, bool Joins);

    /// <summary>Queues the initial sync; false while one runs for the channel.</summary>
    public async Task<bool> StartAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken) =>
        await runs.TryStartAsync(workspaceId, channelId, cancellationToken) && _jobs.Writer.TryWrite(new Job(workspaceId, channelId, null, true));

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
        await runs.EndInterruptedAsync(stoppingToken);
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
                await FinishAsync(job, e, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "WeCom sync of channel {Channel} failed", job.ChannelId);
                await FinishAsync(job, new WeComException(-1, e.Message), stoppingToken);
            }
        }
    }

    private async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        if (await channels.CredentialsAsync(job.WorkspaceId, job.ChannelId, cancellationToken) is not { } credentials)
        {
            await FinishAsync(job, new WeComException(40001, "the channel has no valid credentials"), cancellationToken);
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
            await runs.FoundAsync(job.WorkspaceId, job.ChannelId, ids.Count, cancellationToken);
            foreach (var chat in ids)
            {
                var members = await ReadGroupAsync(job, credentials, chat, joins: true, cancellationToken);
                await runs.GroupDoneAsync(job.WorkspaceId, job.ChannelId, members, cancellationToken);
            }

            cursor = page["next_cursor"]?.ToString() ?? "";
        }
        while (cursor.Length > 0);

        await states.RecordContactAsync(job.WorkspaceId, job.ChannelId, cancellationToken);
        await FinishAsync(job, null, cancellationToken);
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

        // A group created by a callback has no name yet; a change_name callback says only that the name changed.
        await using (var db = factory.Create(job.WorkspaceId))
        {
            await PlatformGroupChanges.RenameAsync(db, job.ChannelId, chat, name, cancellationToken);
        }

        return events.Count(e => e.Kind == "member_joined");
    }

    private async Task FinishAsync(Job job, WeComException? problem, CancellationToken cancellationToken)
    {
        if (job.Chats is null)
        {
            await runs.FinishAsync(job.WorkspaceId, job.ChannelId, problem, cancellationToken);
        }
    }

    private static string Cap(string value, int max = IngestValidation.MaxIdLength) => value.Length > max ? value[..max] : value;
}
