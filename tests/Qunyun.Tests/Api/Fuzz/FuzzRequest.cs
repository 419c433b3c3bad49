using System.Net.Http.Headers;
using System.Text;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>One generated request: a JSON or text body, or multipart form fields and a file; <see cref="Kind"/> says how it was made.</summary>
public sealed record FuzzRequest(FuzzOperation Operation, string Kind, string Url, string? Body = null, string? ContentType = null,
    IReadOnlyDictionary<string, string>? Form = null, byte[]? File = null)
{
    public bool OverLimit { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Form is not null)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in Form)
            {
                form.Add(new StringContent(value), name);
            }

            if (File is not null)
            {
                form.Add(new ByteArrayContent(File), "file", "members.csv");
            }

            message.Content = form;
        }
        else if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? "application/json");
        }

        // A client that announces a body over the limit waits for 100-continue, so it reads the 413 instead of a reset connection.
        message.Headers.ExpectContinue = OverLimit ? true : null;
        return message;
    }

    public override string ToString()
    {
        var body = Form is not null ? $"form {string.Join("&", Form.Select(f => $"{f.Key}={Shorten(f.Value)}"))}, file {File?.Length ?? 0} bytes"
            : Body is null ? "no body" : Shorten(Body);
        return $"{Operation.Method} {Url} [{Kind}] {ContentType} {body}";
    }

    public static string Shorten(string text) => text.Length <= 600 ? text : $"{text[..300]} …({text.Length} chars)… {text[^200..]}";
}
