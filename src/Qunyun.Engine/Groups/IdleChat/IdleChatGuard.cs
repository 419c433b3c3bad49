namespace Qunyun.Engine.Groups.IdleChat;

/// <summary>
/// A group's recent messages and the nudges already given, kept between batches: the newest
/// <see cref="MaxLines"/> messages of the last <see cref="MaxMinutes"/> minutes. A message seen twice (its batch was
/// retried) is not added again.
/// </summary>
public sealed class IdleChatGuard
{
    public const int MaxLines = 200;
    public const int MaxMinutes = 240;

    private readonly LinkedList<ChatLine> _lines = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private HashSet<string> _nudged = new(StringComparer.Ordinal);
    private DateOnly _day;

    public IReadOnlyCollection<ChatLine> Lines => _lines;

    /// <summary>Adds a message; false when it was there already (nothing is decided for it again).</summary>
    public bool Add(ChatLine line)
    {
        if (!_seen.Add(line.ExternalEventId))
        {
            return false;
        }

        _lines.AddLast(line);
        while (_lines.Count > MaxLines || _lines.First!.Value.At < line.At.AddMinutes(-MaxMinutes))
        {
            _seen.Remove(_lines.First!.Value.ExternalEventId);
            _lines.RemoveFirst();
        }

        return true;
    }

    /// <summary>
    /// Adds the message and returns the nudge key when it completes a run of idle chat whose members were not nudged
    /// yet on <paramref name="day"/> (the keys of earlier days are forgotten when the day changes).
    /// </summary>
    public (IdleChatRun Run, string Key)? Observe(Guid groupId, ChatLine line, IdleChatSettings settings, DateOnly day)
    {
        if (!Add(line) || IdleChatDetector.Detect([.. _lines], settings) is not { } run)
        {
            return null;
        }

        if (day != _day)
        {
            (_day, _nudged) = (day, new HashSet<string>(StringComparer.Ordinal));
        }

        var key = IdleChatDetector.NudgeKey(groupId, run, day);
        return _nudged.Add(key) ? (run, key) : null;
    }
}
