-- CreateTable
CREATE TABLE "site_accounts" (
    "user_id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "password_sealed" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_accounts_pkey" PRIMARY KEY ("user_id","host")
);

-- AddForeignKey
ALTER TABLE "site_accounts" ADD CONSTRAINT "site_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
