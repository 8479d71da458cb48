import { z } from "zod";
import { email } from "@/lib/auth/schemas";
import { optionalText, text } from "@/lib/core/validation";

/** An advertiser company and its main contact, as the desk enters it. */
export const advertiserFields = {
  company: text({ min: 2, max: 200, required: "Enter the company name." }),
  contactName: text({ min: 2, max: 200, required: "Enter a contact name." }),
  contactEmail: email,
  phone: optionalText({ max: 50, tooLong: "Keep the phone number under 50 characters." }),
};
export const advertiserDetails = z.object(advertiserFields);
