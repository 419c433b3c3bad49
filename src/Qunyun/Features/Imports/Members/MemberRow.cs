using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Imports;
using Qunyun.Engine.Members;
using Qunyun.Features.Members;

namespace Qunyun.Features.Imports.Members;

public sealed record RowIdentity(Guid ChannelId, string ExternalUserId, string Column);

/// <summary>One data row read through the mapping: trimmed values, empty cells left out, and what is wrong with its cells.</summary>
public sealed class MemberRow
{
    private static readonly EmailAddressAttribute EmailRule = new();
    private static readonly char[] TagSeparators = [',', '，', ';', '；', '、', '|'];

    public int Number { get; private init; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? PhoneKey { get; private set; }
    public string? Note { get; private set; }
    public List<RowIdentity> Identities { get; } = [];
    public List<(string Name, string Column)> Tags { get; } = [];
    public Dictionary<string, string> Attributes { get; } = [];
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Columns by target, for naming the column of a problem found later (matching, tags).</summary>
    public Dictionary<ImportField, string> Columns { get; } = [];

    public static MemberRow Read(CsvRow row, IReadOnlyList<ColumnBinding> bindings, IReadOnlyList<ChannelChoice> channels)
    {
        var result = new MemberRow { Number = row.Number };
        string? rowChannel = null;
        var channelColumn = bindings.FirstOrDefault(b => b.Target.Field == ImportField.Channel);
        if (channelColumn is not null && Cell(row, channelColumn) is { } channelText)
        {
            rowChannel = MemberImportMapping.FindChannel(channels, channelText)?.Id.ToString();
            if (rowChannel is null)
            {
                result.Problems.Add(new ImportProblem(channelColumn.Header, "UnknownChannel", channelText));
            }
        }

        foreach (var binding in bindings)
        {
            result.Columns.TryAdd(binding.Target.Field, binding.Header);
            if (Cell(row, binding) is not { } value)
            {
                continue;
            }

            result.Take(binding, value, rowChannel, channelColumn);
        }

        return result;
    }

    private void Take(ColumnBinding binding, string value, string? rowChannel, ColumnBinding? channelColumn)
    {
        var column = binding.Header;
        switch (binding.Target.Field)
        {
            case ImportField.Name when Fits(value, 200, column):
                Name = value;
                break;
            case ImportField.Email when Fits(value, 320, column):
                if (EmailRule.IsValid(value) && !value.Any(char.IsWhiteSpace))
                {
                    Email = value;
                }
                else
                {
                    Problems.Add(new ImportProblem(column, "InvalidEmail"));
                }

                break;
            case ImportField.Phone when Fits(value, 32, column):
                PhoneKey = PhoneNumber.Key(value);
                if (PhoneKey is null)
                {
                    Problems.Add(new ImportProblem(column, "InvalidPhone"));
                }

                Phone = value;
                break;
            case ImportField.Note when Fits(value, 2000, column):
                Note = value;
                break;
            case ImportField.Attribute when Fits(value, MemberAttributes.MaxValueLength, column):
                Attributes[binding.Target.Argument!] = value;
                break;
            case ImportField.Identity when Fits(value, 128, column):
                var channel = binding.ChannelId?.ToString() ?? rowChannel;
                if (channel is not null)
                {
                    Identities.Add(new RowIdentity(Guid.Parse(channel), value, column));
                }
                else if (channelColumn is not null && !Problems.Any(p => p.Column == channelColumn.Header))
                {
                    Problems.Add(new ImportProblem(channelColumn.Header, "ChannelMissing"));
                }

                break;
            case ImportField.Tags:
                foreach (var tag in value.Split(TagSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Fits(tag, 64, column) && !Tags.Any(t => t.Name == tag))
                    {
                        Tags.Add((tag, column));
                    }
                }

                break;
        }
    }

    private bool Fits(string value, int max, string column)
    {
        if (value.Length <= max)
        {
            return true;
        }

        Problems.Add(new ImportProblem(column, "TooLong", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return false;
    }

    private static string? Cell(CsvRow row, ColumnBinding binding) =>
        binding.Index < row.Fields.Length && row.Fields[binding.Index].Trim() is { Length: > 0 } value ? value : null;
}
