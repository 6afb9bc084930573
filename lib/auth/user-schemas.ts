// Shared by the user-management forms and their server actions.
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password";
import { ROLES } from "@/lib/permissions";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/common";

const userId = z.coerce.number({ error: "Unknown user." }).int().positive("Unknown user.");
const role = z.enum(ROLES, { error: "Choose a role." });

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(320),
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  role,
  password: newPasswordSchema,
});

export const changeRoleSchema = z.object({ userId, role });

export const setActiveSchema = z.object({ userId, active: z.boolean({ error: "Say whether the user is active." }) });

export const resetPasswordSchema = z.object({ userId, password: newPasswordSchema });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two new passwords differ.",
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "Choose a password different from the current one.",
    path: ["newPassword"],
  });

export const emptySchema = z.object({}).strict();

export type CreateUserInput = z.infer<typeof createUserSchema>;
