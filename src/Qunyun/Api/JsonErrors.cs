using System.Text.Json;

namespace Qunyun.Api;

/// <summary>Where and why a request body is not the JSON we expect, in the words of a 400 problem.</summary>
public static class JsonErrors
{
    /// <summary>The JSON path of the bad value without its "$." ("definition.children[0].type"), or "body" for the whole body.</summary>
    public static string FieldOf(JsonException e) =>
        string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');

    /// <summary>The message without the " Path: … | LineNumber: …" suffix System.Text.Json appends.</summary>
    public static string MessageOf(JsonException e) => e.Message.Split(" Path:")[0];
}
