using System.Net;
using System.Net.Http.Json;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Api;

/// <summary>Values a request cannot carry answer a 400 naming the field, never a 500.</summary>
public sealed class BadInputTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task UndefinedEnum_InABody_Returns400NamingTheField()
    {
        var ws = await app.CreateWorkspaceAsync("bad-enum-body");

        var numericString = await ws.Client.PostAsJsonAsync("/api/v1/templates/preview", new { purpose = "-1", body = "欢迎" });
        var number = await ws.Client.PostAsJsonAsync("/api/v1/segments/topic-groups", new { interestTagId = Guid.NewGuid(), minWeight = 0, channelId = Guid.NewGuid(), type = -1 });
        var nested = await ws.Client.PostAsJsonAsync("/api/v1/segments/preview", new { definition = new { type = "and", children = new[] { new { type = "99" } } } });
        var unknownName = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Fax", name = "x" });

        Assert.Equal(["Purpose"], await numericString.ValidationFieldsAsync());
        Assert.Equal(["Type"], await number.ValidationFieldsAsync());
        Assert.Equal(["Definition.Children[0].Type"], await nested.ValidationFieldsAsync());
        Assert.Equal(["Kind"], await unknownName.ValidationFieldsAsync());
    }

    [Fact]
    public async Task DefinedEnum_AsNameOrNumber_IsStillAccepted()
    {
        var ws = await app.CreateWorkspaceAsync("good-enum-body");

        var byName = await ws.Client.PostAsJsonAsync("/api/v1/templates/preview", new { purpose = "Welcome", body = "欢迎" });
        var byNumber = await ws.Client.PostAsJsonAsync("/api/v1/templates/preview", new { purpose = 0, body = "欢迎" });

        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byNumber.StatusCode);
    }

    [Fact]
    public async Task UndefinedEnum_InTheQuery_Returns400NamingTheParameter()
    {
        var ws = await app.CreateWorkspaceAsync("bad-enum-query");

        Assert.Equal(["purpose"], await (await ws.Client.GetAsync("/api/v1/templates/variables?purpose=99")).ValidationFieldsAsync());
        Assert.Equal(["sort"], await (await ws.Client.GetAsync("/api/v1/groups?sort=-1")).ValidationFieldsAsync());
        Assert.Equal(["kind"], await (await ws.Client.GetAsync("/api/v1/tags?kind=7")).ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, (await ws.Client.GetAsync("/api/v1/groups?sort=Name&type=LongTerm")).StatusCode);
    }

    [Fact]
    public async Task UnreadableValues_Return400NamingTheField()
    {
        var ws = await app.CreateWorkspaceAsync("bad-values");

        var query = await ws.Client.GetAsync("/api/v1/members?activeWithinDays=abc");
        var wrongType = await ws.Client.PostAsJsonAsync("/api/v1/groups", new { channelId = Guid.NewGuid(), externalId = "x", name = "n", type = "LongTerm", capacity = "many" });
        var notJson = await ws.Client.PostAsync("/api/v1/tags", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["activeWithinDays"], await query.ValidationFieldsAsync());
        Assert.Equal(["Capacity"], await wrongType.ValidationFieldsAsync());
        Assert.Single(await notJson.ValidationFieldsAsync());
    }
}
