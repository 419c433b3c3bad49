using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Qunyun.Localization;

/// <summary>
/// MudBlazor's own texts (the pager's "Rows per page", pickers, dialogs, converters) from the console's resources,
/// under <c>Mud.</c> + MudBlazor's key; a key we lack falls back to MudBlazor's English.
/// </summary>
internal sealed class ConsoleMudLocalizer(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public const string Prefix = "Mud.";

    public override LocalizedString this[string key] =>
        strings[Prefix + key] is { ResourceNotFound: false } found ? new LocalizedString(key, found.Value) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        strings[Prefix + key, arguments] is { ResourceNotFound: false } found ? new LocalizedString(key, found.Value) : new LocalizedString(key, key, resourceNotFound: true);
}
