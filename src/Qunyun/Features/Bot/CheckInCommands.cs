using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Events;
using Qunyun.Features.Events;
using Qunyun.Features.Points;

namespace Qunyun.Features.Bot;

/// <summary>
/// What the batch's check-in and my-points commands read, once: the points book of the members who typed one, and
/// their check_in events since <see cref="Window"/> before the batch (the "day N" of the reply). Check-ins the bot
/// records in this batch count for the commands after them.
/// </summary>
internal sealed class CheckInCommands
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private readonly Dictionary<Guid, List<DateTime>> _checkIns;

    private CheckInCommands(CheckInBook book, Dictionary<Guid, List<DateTime>> checkIns) => (Book, _checkIns) = (book, checkIns);

    public CheckInBook Book { get; }

    public static async Task<CheckInCommands> LoadAsync(BotBatch bot, CheckInAwards awards, CancellationToken cancellationToken)
    {
        var askers = bot.Events
            .Where(p => p.Kind == EventKind.Message && p.Payload.Message?.Text is { Length: > 0 } text && bot.Words.Match(text) is BotCommand.CheckIn or BotCommand.MyPoints)
            .Select(p => p.Member.Id).Distinct().ToList();
        var since = bot.Earliest - Window;
        var checkInKind = EventKind.CheckIn.WireName();
        // One query per member on purpose: with a list of members SQLite's planner takes the (workspace, time) index and
        // reads every event of the window; a single member's equality takes the (member, time) index.
        var checkIns = new Dictionary<Guid, List<DateTime>>();
        foreach (var asker in askers)
        {
            Guid? member = asker;
            checkIns[asker] = await bot.Db.Events.Where(e => e.MemberId == member && e.Kind == checkInKind && e.OccurredAt >= since)
                .Select(e => e.OccurredAt).ToListAsync(cancellationToken);
        }

        return new CheckInCommands(await awards.OpenAsync(bot.Db, askers, withBalances: true, cancellationToken), checkIns);
    }

    /// <summary>The member's check_in events from <see cref="Window"/> before <paramref name="at"/> on.</summary>
    public int RecentCheckIns(Guid memberId, DateTime at) =>
        _checkIns.TryGetValue(memberId, out var times) ? times.Count(t => t >= at - Window) : 0;

    public void Recorded(Guid memberId, DateTime at)
    {
        if (!_checkIns.TryGetValue(memberId, out var times))
        {
            _checkIns[memberId] = times = [];
        }

        times.Add(at);
    }
}
