using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Localization;

namespace Qunyun.Features.Accounts;

/// <summary>
/// Form posts behind the static login and setup pages (cookies can only be set on a real HTTP response,
/// not from an interactive circuit), plus the language switch.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", Login);
        account.MapPost("/logout", Logout);
        account.MapPost("/setup", Setup);
        account.MapGet("/culture", SetCulture);
    }

    private static async Task<IResult> Login(
        [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
        SignInManager<QunyunUser> signIn, HttpContext http)
    {
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked" : "invalid";
            return Results.LocalRedirect($"/login?error={reason}&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        ConsoleCultures.WriteCookie(http.Response, ConsoleCultures.Normalize(user?.Culture));
        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    private static async Task<IResult> Logout(SignInManager<QunyunUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static async Task<IResult> Setup(
        [FromForm] string workspaceName, [FromForm] string slug, [FromForm] string email, [FromForm] string password, [FromForm] string? culture,
        QunyunDbFactory factory, CreateWorkspaceWithOwner create, SignInManager<QunyunUser> signIn, HttpContext http)
    {
        await using (var db = factory.CreateUnscoped())
        {
            if (await db.Users.AnyAsync())
            {
                return Results.LocalRedirect("/login");
            }
        }

        var language = ConsoleCultures.Normalize(culture);
        var (workspace, errors) = await create.ExecuteAsync(workspaceName, slug.Trim().ToLowerInvariant(), email.Trim(), password, language);
        if (workspace is null)
        {
            return Results.LocalRedirect($"/setup?error={Uri.EscapeDataString(string.Join(" ", errors))}");
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        user!.Culture = language;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: true);
        ConsoleCultures.WriteCookie(http.Response, language);
        return Results.LocalRedirect("/");
    }

    private static async Task<IResult> SetCulture(string culture, string? returnUrl, HttpContext http, UserManager<QunyunUser> users)
    {
        var chosen = ConsoleCultures.Normalize(culture);
        ConsoleCultures.WriteCookie(http.Response, chosen);
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.Culture != chosen)
        {
            user.Culture = chosen;
            await users.UpdateAsync(user);
        }

        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
}
