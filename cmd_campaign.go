package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// campaignUsage explains the campaign subcommands.
const campaignUsage = "Use \"nurture campaign export NAME > file.json\" or " +
	"\"nurture campaign import FILE\"."

// cmdCampaign runs "nurture campaign export|import ...".
func cmdCampaign(dataDir string, args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return campaign.Errorf(campaign.EINVALID, "%s", campaignUsage)
	}
	switch args[0] {
	case "export":
		return cmdCampaignExport(dataDir, args[1], stdout)
	case "import":
		return cmdCampaignImport(dataDir, args[1], stdout)
	}
	return campaign.Errorf(campaign.EINVALID, "Unknown campaign command %q. %s",
		args[0], campaignUsage)
}

// cmdCampaignExport writes the named campaign's JSON document to stdout.
func cmdCampaignExport(dataDir, name string, stdout io.Writer) error {
	return withStore(dataDir, func(e *env, store *data.Store) error {
		ctx := context.Background()
		c, err := store.CampaignByName(ctx, name)
		if err != nil {
			return err
		}
		doc, err := store.ExportCampaign(ctx, c.ID)
		if err != nil {
			return err
		}
		if _, err := stdout.Write(doc); err != nil {
			return fmt.Errorf("write campaign: %w", err)
		}
		e.log.Info("campaign exported", "campaign", c.ID)
		return nil
	})
}

// withStore opens the data folder and its store, runs fn, and closes
// them again.
func withStore(dataDir string, fn func(e *env, store *data.Store) error) error {
	e, err := setup(dataDir)
	if err != nil {
		return err
	}
	defer e.close()
	store, err := e.openStore()
	if err != nil {
		return err
	}
	defer store.Close()
	return fn(e, store)
}

// cmdCampaignImport reads a campaign document from a file and saves it
// as a new draft campaign.
func cmdCampaignImport(dataDir, path string, stdout io.Writer) error {
	doc, err := readCampaignFile(path)
	if err != nil {
		return err
	}

	return withStore(dataDir, func(e *env, store *data.Store) error {
		c, err := store.ImportCampaign(context.Background(), doc)
		if err != nil {
			return err
		}
		e.log.Info("campaign imported", "campaign", c.ID)
		fmt.Fprintf(stdout, "Imported %q as a draft campaign.\n", c.Name)
		return nil
	})
}

// readCampaignFile reads a campaign document, refusing huge files.
func readCampaignFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, campaign.Errorf(campaign.EINVALID,
			"Nurture cannot open %s: %v. Check the file's name.", path, err)
	}
	defer f.Close()

	doc, err := io.ReadAll(io.LimitReader(f, campaign.MaxDocumentBytes+1))
	if err != nil {
		return nil, campaign.Errorf(campaign.EINVALID,
			"Nurture cannot read %s: %v.", path, err)
	}
	return doc, nil
}
