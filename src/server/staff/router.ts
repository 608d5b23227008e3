import { createTRPCRouter, deskInput, requires } from "../trpc";
import { listStaff } from "./service";

export const staffRouter = createTRPCRouter({
  list: requires("staff.manage").input(deskInput({})).query(({ ctx }) => listStaff(ctx.tx)),
});
