import { z } from "zod";

export const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const newPassword = z
  .string({ error: "Choose a password." })
  .min(10, { error: "Use at least 10 characters for your password." })
  .max(200, { error: "Use at most 200 characters for your password." });

export const signInInput = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(200),
});
export type signInInput = z.infer<typeof signInInput>;
