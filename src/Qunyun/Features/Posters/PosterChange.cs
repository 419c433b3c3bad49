using Qunyun.Api;

namespace Qunyun.Features.Posters;

public abstract record PosterChange
{
    private PosterChange()
    {
    }

    public sealed record Done(PosterTemplate Template) : PosterChange;

    public sealed record NotFound : PosterChange;

    public sealed record Invalid(FieldErrors Errors) : PosterChange;

    public static PosterChange Error(string field, string message) => new Invalid(new FieldErrors().Add(field, message));
}
