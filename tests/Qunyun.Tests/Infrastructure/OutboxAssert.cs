using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;

namespace Qunyun.Tests.Infrastructure;

public static class OutboxAssert
{
    public static void ReadBack(IEnumerable<OutboxMessage> rows) => ReadBack(rows.Select(r => (r.Action, r.Payload)).ToList());

    /// <summary>Every row parses with the catalogue's parser into its own action, and writing that action gives the row's payload back.</summary>
    public static void ReadBack(IReadOnlyCollection<(string Action, string Payload)> rows)
    {
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            var parsed = ConnectorActionParser.Parse(row.Action, row.Payload);

            var action = Assert.IsType<ParsedAction.Ok>(parsed, exactMatch: true).Action;
            Assert.Equal(row, (action.Name, ConnectorActionWriter.Write(action)));
        });
    }
}
