namespace Qunyun.Features.Imports.Members;

/// <summary>
/// Why a row or cell was not imported: a stable code (the console shows it in the reader's language through
/// <c>ImportError.{Code}</c>), an optional detail (a number, a name) and the English sentence for API clients.
/// </summary>
public sealed record ImportProblem(string Column, string Code, string? Detail = null)
{
    public string Reason => English(Code, Detail);

    public static string English(string code, string? detail) => code switch
    {
        "NameMissing" => "A new member needs a display name.",
        "TooLong" => $"Longer than {detail} characters.",
        "InvalidEmail" => "Not an e-mail address.",
        "InvalidPhone" => "Not a phone number.",
        "UnknownChannel" => $"No channel '{detail}' in the workspace.",
        "ChannelMissing" => "The identity has no channel: the row's channel cell is empty.",
        "DuplicateIdentity" => $"The same identity is already on row {detail}.",
        "IdentityConflict" => "The identities in this row belong to different members.",
        "AmbiguousEmail" => $"{detail} members have this e-mail; merge them or add an identity column.",
        "AmbiguousPhone" => $"{detail} members have this phone number; merge them or add an identity column.",
        "UnknownTag" => $"No tag '{detail}'; create it first or choose to create missing tags.",
        "NotManualTag" => $"'{detail}' is a rule or interest tag; only manual tags can be imported.",
        "TooManyAttributes" => $"The member would have more than {detail} attributes.",
        "WriteFailed" => $"The row could not be written: {detail}",
        _ => code,
    };
}
