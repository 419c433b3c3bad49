using Qunyun.Api;
using Qunyun.Engine.Imports;
using Qunyun.Features.Members;

namespace Qunyun.Features.Imports.Members;

/// <summary>One column of the file and what it feeds; <see cref="ChannelId"/> is set for <c>identity:&lt;channel&gt;</c>.</summary>
public sealed record ColumnBinding(int Index, string Header, ColumnTarget Target, Guid? ChannelId = null);

/// <summary>Checks a mapping against the file's header and the workspace's channels; every problem names its column.</summary>
public static class MemberImportMapping
{
    public static Dictionary<string, string> Suggest(IReadOnlyList<string> header, IReadOnlyList<ChannelChoice> channels)
    {
        var suggested = new Dictionary<string, string>();
        var taken = new HashSet<string>();
        foreach (var name in header.Where(h => h.Length > 0).Distinct())
        {
            var target = ColumnSuggestions.Suggest(name, channels);
            var single = target.Field is not (ImportField.Ignore or ImportField.Tags);
            suggested[name] = single && !taken.Add(target.ToString()) ? ColumnTarget.Ignore.ToString() : target.ToString();
        }

        return suggested;
    }

    public static List<ColumnBinding> Resolve(
        IReadOnlyList<string> header, IReadOnlyDictionary<string, string> columns, IReadOnlyList<ChannelChoice> channels, FieldErrors errors)
    {
        var bindings = new List<ColumnBinding>();
        var used = new Dictionary<string, string>();
        foreach (var (column, text) in columns)
        {
            var field = $"mapping[{column}]";
            var target = ColumnTarget.Parse(text);
            var indexes = Enumerable.Range(0, header.Count).Where(i => header[i] == column.Trim()).ToList();
            if (target is null)
            {
                errors.Add(field, $"Unknown target '{text}'; use {ColumnTarget.Syntax}.");
                continue;
            }

            if (target.Field == ImportField.Ignore)
            {
                continue;
            }

            if (indexes.Count != 1)
            {
                errors.Add(field, indexes.Count == 0 ? "No column with this header in the file." : "The header has several columns with this name; rename them.");
                continue;
            }

            Guid? channelId = null;
            if (target is { Field: ImportField.Identity, Argument: { } channel })
            {
                channelId = FindChannel(channels, channel)?.Id;
                if (channelId is null)
                {
                    errors.Add(field, $"No channel '{channel}' in the workspace.");
                    continue;
                }

                target = target with { Argument = channelId.ToString() };
            }

            if (target is { Field: ImportField.Attribute, Argument: { } key } && !MemberAttributes.IsValidKey(key))
            {
                errors.Add(field, "Attribute keys are lower-case letters, digits and '_', starting with a letter, at most 64 characters.");
                continue;
            }

            if (target.Field != ImportField.Tags && !used.TryAdd(target.ToString(), column))
            {
                errors.Add(field, $"Column '{used[target.ToString()]}' is already mapped to {target}.");
                continue;
            }

            bindings.Add(new ColumnBinding(indexes[0], column.Trim(), target, channelId));
        }

        var identityWithoutChannel = bindings.Any(b => b.Target is { Field: ImportField.Identity, Argument: null });
        var channelColumn = bindings.FirstOrDefault(b => b.Target.Field == ImportField.Channel);
        if (identityWithoutChannel != (channelColumn is not null))
        {
            var column = channelColumn?.Header ?? bindings.First(b => b.Target is { Field: ImportField.Identity, Argument: null }).Header;
            errors.Add($"mapping[{column}]", "'identity' without a channel needs a column mapped to 'channel' (and 'channel' needs an 'identity' column); or use identity:<channel>.");
        }

        if (!errors.Any && !bindings.Any(b => b.Target.Field is ImportField.Name or ImportField.Email or ImportField.Phone or ImportField.Identity))
        {
            errors.Add("mapping", "Map at least one column to name, email, phone or an identity.");
        }

        return bindings.OrderBy(b => b.Index).ToList();
    }

    /// <summary>A channel by id or by name (case-insensitive).</summary>
    public static ChannelChoice? FindChannel(IReadOnlyList<ChannelChoice> channels, string text)
    {
        var trimmed = text.Trim();
        return Guid.TryParse(trimmed, out var id)
            ? channels.FirstOrDefault(c => c.Id == id)
            : channels.FirstOrDefault(c => string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
