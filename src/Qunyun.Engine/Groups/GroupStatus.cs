namespace Qunyun.Engine.Groups;

public enum GroupStatus
{
    Active,
    Archived,
    Dissolved,
}
