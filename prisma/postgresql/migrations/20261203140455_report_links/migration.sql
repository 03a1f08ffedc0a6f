-- AlterEnum
ALTER TYPE "PersonalLinkKind" ADD VALUE 'report';
