namespace Qunyun.Engine.Groups;

public enum MembershipRole
{
    Member,
    Admin,
    Owner,
}
